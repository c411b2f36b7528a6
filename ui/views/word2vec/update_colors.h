#pragma once
// The colours the word2vec views give the three kinds of vector in one negative-sampling update,
// the same in the matrices and in the update, so the class can follow one word from view to view.

#include "ui/gl/color.h"

namespace genlab::views::word2vec_colors {

// Okabe-Ito blue, bluish green and vermillion: the input word, the true word, the noise words.
inline constexpr gl::Color kInput = gl::Color::fromHex(0x0072B2);
inline constexpr gl::Color kTrue = gl::Color::fromHex(0x009E73);
inline constexpr gl::Color kNoise = gl::Color::fromHex(0xD55E00);

}  // namespace genlab::views::word2vec_colors

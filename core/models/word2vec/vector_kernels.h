#pragma once
// The two float kernels word2vec spends its time in, over vectors of the embedding dimension:
// a dot product and y += a * x. AVX2 + FMA when the CPU has them (chosen once, at load), plain
// loops otherwise. The two paths sum in different orders, so a run replays bit for bit on the
// same kind of CPU, not across kinds.

namespace genlab::word2vec {

float dot(const float* a, const float* b, int n);
void axpy(float alpha, const float* x, float* y, int n);  // y += alpha * x

}  // namespace genlab::word2vec

#pragma once
// Shader sources from shaders/, embedded at build time by cmake/embed_shaders.cmake, keyed by
// file name ("points.vert").

#include <map>
#include <string_view>

namespace genlab::gl {

const std::map<std::string_view, std::string_view>& embeddedShaders();

}  // namespace genlab::gl

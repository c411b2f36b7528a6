# Run in script mode: turns every shader source into a string constant in one generated .cpp, so
# the binary needs no shader files at run time. Inputs: OUTPUT, SOURCES (a ;-list of files).
set(body "// Generated from shaders/ by cmake/embed_shaders.cmake. Do not edit.\n")
string(APPEND body "#include \"ui/gl/embedded_shaders.h\"\n\nnamespace genlab::gl {\n")
string(APPEND body "const std::map<std::string_view, std::string_view>& embeddedShaders() {\n")
string(APPEND body "  static const std::map<std::string_view, std::string_view> shaders = {\n")
foreach(file IN LISTS SOURCES)
  get_filename_component(name "${file}" NAME)
  file(READ "${file}" text)
  string(APPEND body "    {\"${name}\", R\"glsl(${text})glsl\"},\n")
endforeach()
string(APPEND body "  };\n  return shaders;\n}\n\n}  // namespace genlab::gl\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)

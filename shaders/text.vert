#version 330 core
// Glyph quads in framebuffer pixels (y down); u_transform maps them to NDC: ndc = p * xy + zw.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
uniform vec4 u_transform;
out vec2 v_uv;
out vec4 v_color;
void main() {
  v_uv = a_uv;
  v_color = a_color;
  gl_Position = vec4(a_pos * u_transform.xy + u_transform.zw, 0.0, 1.0);
}

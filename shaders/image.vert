#version 330 core
// A textured quad; a_pos in pixels or data units, mapped to NDC by u_transform (see solid.vert).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
uniform vec4 u_transform;
out vec2 v_uv;
void main() {
  v_uv = a_uv;
  gl_Position = vec4(a_pos * u_transform.xy + u_transform.zw, 0.0, 1.0);
}

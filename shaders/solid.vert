#version 330 core
// Flat-coloured triangles. a_pos is in pixels or data units; u_transform maps it to NDC:
// ndc = a_pos * u_transform.xy + u_transform.zw.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_color;
uniform vec4 u_transform;
out vec4 v_color;
void main() {
  v_color = a_color;
  gl_Position = vec4(a_pos * u_transform.xy + u_transform.zw, 0.0, 1.0);
}

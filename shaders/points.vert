#version 330 core
// Round point sprites. a_pos in data units (u_transform: data -> NDC); a_size is the disc
// diameter in pixels (a constant vertex attribute when all points share it). The sprite is
// one pixel larger on each side so the antialiased rim is not cut off.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_color;
layout(location = 2) in float a_size;
uniform vec4 u_transform;
out vec4 v_color;
out float v_radius;
out float v_sprite;
void main() {
  v_color = a_color;
  v_radius = 0.5 * a_size;
  v_sprite = a_size + 2.0;
  gl_PointSize = v_sprite;
  gl_Position = vec4(a_pos * u_transform.xy + u_transform.zw, 0.0, 1.0);
}

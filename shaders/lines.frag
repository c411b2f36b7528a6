#version 330 core
// Capsule coverage: distance from the segment in pixels, one-pixel smooth edge. Dashes: on for
// u_dash.x px, off for u_dash.y px; u_dash.x <= 0 means solid.
in vec4 v_color;
in vec2 v_local;
flat in float v_length;
in float v_dash;
uniform float u_halfWidth;
uniform vec2 u_dash;
out vec4 o_color;
void main() {
  float t = clamp(v_local.x, 0.0, v_length);
  float dist = length(vec2(v_local.x - t, v_local.y));
  float coverage = clamp(u_halfWidth + 0.5 - dist, 0.0, 1.0);
  if (u_dash.x > 0.0) {
    float phase = mod(v_dash, u_dash.x + u_dash.y);
    coverage *= clamp(u_dash.x - phase + 0.5, 0.0, 1.0) * clamp(phase + 0.5, 0.0, 1.0);
  }
  if (coverage <= 0.0) discard;
  o_color = vec4(v_color.rgb, v_color.a * coverage);
}

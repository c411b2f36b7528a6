#version 330 core
// Disc of radius v_radius px with a one-pixel smooth edge; an optional outline ring of
// u_outlineWidth px in u_outlineColor (markers).
in vec4 v_color;
in float v_radius;
in float v_sprite;
uniform float u_outlineWidth;
uniform vec4 u_outlineColor;
uniform float u_opacity;  // multiplies every point's alpha
out vec4 o_color;
void main() {
  float d = length(gl_PointCoord - vec2(0.5)) * v_sprite;  // px from the centre
  float coverage = clamp(v_radius + 0.5 - d, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  vec4 c = v_color;
  if (u_outlineWidth > 0.0) {
    float t = clamp(d - (v_radius - u_outlineWidth) + 0.5, 0.0, 1.0);
    c = mix(v_color, u_outlineColor, t);
  }
  o_color = vec4(c.rgb, c.a * coverage * u_opacity);
}

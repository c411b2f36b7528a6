#version 330 core
// RGBA8 image stored with premultiplied alpha, so linear filtering next to transparent texels
// does not darken edges. Converted back to straight alpha for the canvas's blend function, and
// faded by u_opacity.
in vec2 v_uv;
uniform sampler2D u_image;
uniform float u_opacity;
out vec4 o_color;
void main() {
  vec4 c = texture(u_image, v_uv);
  if (c.a <= 0.0) discard;
  o_color = vec4(c.rgb / c.a, c.a * u_opacity);
}

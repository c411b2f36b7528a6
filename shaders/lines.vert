#version 330 core
// One line segment p0-p1 (data units) per quad, widened in pixel space so any width works in
// a core profile. a_corner.x is -1 at p0 and +1 at p1, a_corner.y is the side (-1 or +1).
// The quad reaches half a width plus one pixel past each end and side; the fragment shader
// cuts it to a capsule, so consecutive segments join with round joins.
layout(location = 0) in vec2 a_p0;
layout(location = 1) in vec2 a_p1;
layout(location = 2) in vec2 a_corner;
layout(location = 3) in vec4 a_color;
layout(location = 4) in float a_dist0;  // data-space length of the polyline before p0
uniform vec4 u_transform;               // data -> NDC
uniform vec2 u_viewport;                // framebuffer size in pixels
uniform float u_halfWidth;              // pixels
out vec4 v_color;
out vec2 v_local;       // (along from p0, across) in pixels
flat out float v_length; // segment length in pixels
out float v_dash;       // dash coordinate in pixels
uniform float u_pxPerData;  // mean pixels per data unit, for dash spacing
void main() {
  vec2 n0 = a_p0 * u_transform.xy + u_transform.zw;
  vec2 n1 = a_p1 * u_transform.xy + u_transform.zw;
  vec2 s0 = n0 * 0.5 * u_viewport;  // pixel units, origin at the centre
  vec2 s1 = n1 * 0.5 * u_viewport;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float ext = u_halfWidth + 1.0;
  float along = a_corner.x < 0.0 ? -ext : len + ext;
  float across = a_corner.y * ext;
  vec2 s = s0 + dir * along + nrm * across;
  v_color = a_color;
  v_local = vec2(along, across);
  v_length = len;
  float dataLen = length(a_p1 - a_p0);
  v_dash = (a_dist0 + (len > 1e-6 ? along / len * dataLen : 0.0)) * u_pxPerData;
  gl_Position = vec4(s / (0.5 * u_viewport), 0.0, 1.0);
}

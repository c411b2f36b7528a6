#pragma once
// The one place that includes the OpenGL headers. Core 3.3 entry points come straight from
// libGL (glvnd exports them on Linux), so there is no loader; GL_GLEXT_PROTOTYPES makes
// <GL/glext.h> declare them. Every GL call needs a current context on the calling thread.

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>

namespace genlab::gl {

// Throws std::runtime_error naming `where` if glGetError() reports an error. For tests and
// one-off checks after setup code, not for per-draw calls (glGetError can stall a pipeline).
void throwOnGlError(const char* where);

}  // namespace genlab::gl

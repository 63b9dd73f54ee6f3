// The forward plan (/forward-plan/): key decisions on the agendas of scheduled meetings
// that have not yet taken place (as of the built commit's date, never the clock).
#pragma once

#include "render/page_context.h"

namespace quorum {

json forward_plan_page(const PageContext& ctx);

}  // namespace quorum

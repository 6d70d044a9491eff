/**
 * The CDN `<script>` build: defines the global `v3io` with the whole data plane (`v3io.Client`,
 * `v3io.dataplane.Client`, `v3io.RaiseForStatus`, the error classes, …); the control plane is left out
 * for size (docs/control-plane.md). This is the only module of the SDK with a top-level side effect.
 */

import * as dataPlane from './index.data-plane.js'
import { dataplane } from './index.js'

const v3io = { ...dataPlane, dataplane }
;(globalThis as { v3io?: typeof v3io }).v3io = v3io

/**
 * The CDN `<script>` build: defines the global `v3io` with the whole SDK (`v3io.Client`,
 * `v3io.dataplane.Client`, `v3io.RaiseForStatus`, the error classes, …). This is the only module of the
 * SDK with a top-level side effect.
 */
import * as v3io from './index.js'

;(globalThis as { v3io?: typeof v3io }).v3io = v3io

/** The hand-written part of docs/benchmarks.md: what the figures mean and what was changed. */
export const analysis = `## Analysis

Written on 2026-12-06 from the run above and from shorter runs of the same day, on a 2-core machine
that six other engineers were using at the same time (1-minute load averages of 2 to 16 during the
day): rates of one cell moved by up to a factor of two between runs, so the text quotes ranges and
leans on client CPU per request, which moves less.

### The aims, honestly: not met in Node

Issue 14 asks for the default Node client at ≥ 0.9 of the raw client at concurrency 8 and 32 for
PutItem, GetItem, PutObject and GetObject. The default is now \`nodeHttpTransport\` (the package's
\`node\` entry); before, it was \`fetch\` through ky, at 0.10–0.24 of raw. On the request-path branch,
\`nodeHttpTransport\` reached 0.74–0.92 of raw at 8 and 32 (0.9 once, PutItem at 32); over the day's
runs 0.58–0.98; the table above is the merged release's run. The gap is client CPU: the SDK on node:http spends 68–120 µs per batched request
against the raw client's 49–81 µs (1.3–1.7×), and where the client's core is the bottleneck the
ratio follows the CPU ratio.

### Where the time goes (\`node --cpu-prof\`, GetItem batch at 32 on node:http, SDK minus raw)

Profiles of the same 20,000 GetItem calls through the SDK and through the raw client, compared
function by function (the raw client sends requests encoded in advance; the SDK encodes, decodes and
validates every one): the SDK's extra time is garbage collection (+23 µs per call, the largest
item), the SDK's own request path (\`#attempts\`, \`send\`, \`#execute\`, the transport's
\`headerList\`: about +15 µs), decoding the answer (\`parseTransactionVerifier\` +6 µs,
\`parseJson\`/\`decode\`/\`decodeAttributeValue\` +9 µs) and encoding the request (+3 µs).
\`AbortController\`/\`EventTarget\` no longer appear at all.

The garbage comes mostly from batches, not from the request path: a batch issues every call at once,
and a call waiting for a slot holds about 2 KB (its encoded descriptor, options copy, promises and
async frames). In memory (\`node bench/in-memory.mjs\`: a transport answering at once, 20,000-call batches
versus 32 workers awaiting calls) a batched call costs 25–30 µs of CPU
against 6–9 µs for the same call awaited by a worker, and the garbage collector takes 58% of the
batch's CPU. That is the next lever, and it is outside the request path: encode a batched call when
it gets its slot rather than when it is issued (the batch and client assembly own that code).

### What was changed on the request path, with before/after figures

Same machine, old and new builds interleaved in one session; SDK CPU per call measured in memory
(\`bench/in-memory.mjs\`, a transport that answers at once), so that only the SDK's own work counts:

| change | before | after |
|---|---|---|
| The sender enforces deadlines itself: one deadline timer per client instead of a \`setTimeout\` per call, no \`AbortController\` per call (created only if a transport reads \`request.signal\`; \`nodeHttpTransport\` uses the allocation-free \`whenAbandoned\`), no listener on a signal unless the caller passed one, queued calls join abort groups as members and wait in the gate without closures. SDK CPU per call awaited by 32 workers: | GetItem 9.9 µs, PutItem 10.5 µs | GetItem 5.6 µs, PutItem 6.8 µs |
| The same, per batched call (20,000-call batches): | GetItem 32–33 µs, PutItem 29–30 µs | GetItem 27–30 µs, PutItem 23–25 µs |
| Memory held per queued batched call (heap after a 20,000-call batch against a transport that never answers): | 2,046 bytes | 2,178 bytes (the call's deadline state; the cost of never hanging) |
| Profile of the client on node:http, GetItem batch at 32 (share of client CPU): \`AbortSignal\`/\`EventTarget\` | 6% | 0% |

Through the emulator, on node:http at 32, the old and new builds measured within noise of each other
in rates (0.62–0.98 of raw for both, four interleaved pairs at load 3–16): the in-memory saving of
4–5 µs per call is 4–6% of the SDK's 70–120 µs per request on the wire.

### The client never hangs, at no measurable cost

Every deadline is now enforced by the client (docs/batching.md, "Timeouts and cancellation"): with
ky on Node 20 and a garbage collection mid-call, a call with a 400 ms timeout against a server that
sent headers and went silent ended at 400–800 ms (before: still pending when the test gave up at
20 s), and its slot served the next call. Response bodies are capped (\`maxResponseBytes\`, 64 MiB for
JSON; an endless body ends the call with \`ResponseTooLargeError\` after the cap, not after gigabytes).

### Browsers, Deno and Bun

In Chromium (the browser row above; the SDK's CDN build on a page of another origin, 6 connections)
the default (ky) reached 0.56–1.03 of bare \`fetch\` over the day's runs (0.57 and 0.66 above), short
of the 0.8 aim; bare \`fetchTransport\` reached 0.87–1.08 of a raw \`fetch\` loop. In Deno and Bun bare \`fetch\` beat ky
in every row (Deno 1.2–2.0×, Bun 1.0–1.4× over the day's three runs). Both runtimes and browsers should default to
\`fetchTransport\` (docs/decisions-requestpath.md, RP-7); Node to \`nodeHttpTransport\`.

### Bulk paths

These use the default transport. Cursor scans, PutRecords and GetRecords move tens of thousands of
items or records per second; with hundreds of records per request, per-request costs stop mattering.
Encoding 1,000 items as PutItem requests costs 4–8× \`JSON.stringify\` of the same bodies (validation);
decoding a 1,000-item page 1.2–1.5× \`JSON.parse\`.
`

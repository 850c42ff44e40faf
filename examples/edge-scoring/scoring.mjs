// Scores a batch of embeddings over HTTP: diffusion spectral entropy (and, with labels, diffusion spectral
// mutual information) of the rows. Web-standard Request and Response only, so the same handler runs in
// workerd, Deno, Bun, Node and browsers' service workers; worker.mjs wires it into workerd.
//
//   POST application/json         { "embeddings": number[][], "labels"?: int[], "sigma"?: number | "auto", "t"?: number }
//   POST application/octet-stream float32 little-endian, row-major; headers x-rows, x-cols; ?sigma=&t=
//   200 { n, dims, dse, dsmi?, sigma, t, backend, warnings, ms }
// Defaults, validation, sigma "auto" and the warnings about a degenerate kernel are the package's own
// (DEFAULTS, checkOption, medianDistance, kernelDiagnosis): this file only speaks HTTP.
//   4xx { error: { code, message, field? } }

/** Default caps: a 2 MiB body and 2000 rows (the eigenproblem is N x N; 2000 rows take ~1 s in WASM). */
export const DEFAULT_LIMITS = { maxBytes: 2 * 1024 * 1024, maxRows: 2000 };

class RequestError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

// The library's argument names, as this API calls them, with the code its errors on them get.
const LIBRARY_FIELDS = { X: { field: 'embeddings' }, Y: { field: 'labels', code: 'labels_not_integers' } };

function fail(status, code, message, field) {
  throw new RequestError(status, code, message, field);
}

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

// Reads at most maxBytes of the body, refusing larger bodies before or while they arrive.
async function readCapped(request, maxBytes) {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    fail(413, 'body_too_large', `the body has ${declared} bytes, more than the limit of ${maxBytes}`, 'body');
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      fail(413, 'body_too_large', `the body has more than the limit of ${maxBytes} bytes`, 'body');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

function checkRows(n, limits) {
  if (n > limits.maxRows) fail(413, 'too_many_rows', `${n} rows, more than the limit of ${limits.maxRows}`, 'embeddings');
  if (n < 2) fail(422, 'too_few_rows', `at least 2 rows are needed, received ${n}`, 'embeddings');
}

// An option checked by the package (its default when absent); a bad value is a 422 naming it.
function parameter(api, name, value) {
  try {
    return api.checkOption(name, value ?? undefined);
  } catch (e) {
    if (e instanceof api.DseError) fail(422, `${name}_out_of_range`, e.message, name);
    throw e;
  }
}

// JSON has no NaN or Infinity, but some encoders (Python's json.dumps) write them as bare words.
function nonFiniteWord(text) {
  try {
    JSON.parse(text.replace(/(-?\bInfinity\b|\bNaN\b)/g, '"$1"'));
    return true;
  } catch {
    return false;
  }
}

function parseJsonBody(bytes, limits) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(400, 'malformed_json', 'the body is not UTF-8 text', 'body');
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch (e) {
    if (nonFiniteWord(text)) fail(422, 'non_finite', 'the body holds NaN or Infinity; every value must be a finite number', 'embeddings');
    fail(400, 'malformed_json', `the body is not valid JSON (${e.message})`, 'body');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    fail(400, 'malformed_json', 'the body must be a JSON object with an "embeddings" array', 'body');
  }
  const rows = body.embeddings;
  if (!Array.isArray(rows)) fail(422, 'missing_embeddings', '"embeddings" must be an array of rows of numbers', 'embeddings');
  const n = rows.length;
  checkRows(n, limits);
  const d = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (d < 1) fail(422, 'ragged_rows', 'embeddings[0] must be a non-empty array of numbers', 'embeddings');
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== d) {
      fail(422, 'ragged_rows', `embeddings[${i}] has ${Array.isArray(row) ? row.length : 'no'} values but embeddings[0] has ${d}`, 'embeddings');
    }
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (typeof v !== 'number') fail(422, 'not_a_number', `embeddings[${i}][${j}] must be a number, received ${JSON.stringify(v)}`, 'embeddings');
      if (!Number.isFinite(v)) fail(422, 'non_finite', `embeddings[${i}][${j}] is ${v}; every value must be finite`, 'embeddings');
      data[i * d + j] = v;
    }
  }
  let labels = null;
  if (body.labels !== undefined && body.labels !== null) {
    if (!Array.isArray(body.labels) || body.labels.length !== n) {
      fail(422, 'labels_length', `labels must be an array of ${n} integers, one per row, received ${Array.isArray(body.labels) ? `${body.labels.length} values` : typeof body.labels}`, 'labels');
    }
    // Checked by the library itself (integers in the int32 range); its errors about Y come back as
    // labels_not_integers (see LIBRARY_FIELDS).
    labels = body.labels;
  }
  return { X: { data, rows: n, cols: d }, labels, sigma: body.sigma, t: body.t };
}

function countHeader(request, name) {
  const raw = request.headers.get(name);
  if (raw === null || !/^[1-9][0-9]{0,8}$/.test(raw.trim())) {
    fail(400, 'bad_shape_header', `header ${name} must be a positive integer, received ${JSON.stringify(raw)}`, name);
  }
  return Number(raw.trim());
}

// A number from the query string, or 'auto', or the text sent when it is not a finite number.
function queryNumber(url, name) {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (raw.trim() === 'auto') return 'auto';
  const value = Number(raw);
  // Text that is not a finite number goes to the package as the string sent, so that its message quotes it
  // (Number('abc') is NaN, which JSON would print as null).
  return raw.trim() !== '' && Number.isFinite(value) ? value : raw;
}

function parseFloat32Body(request, bytes, limits) {
  const n = countHeader(request, 'x-rows');
  const d = countHeader(request, 'x-cols');
  checkRows(n, limits);
  if (bytes.byteLength !== n * d * 4) {
    fail(400, 'body_length_mismatch', `x-rows * x-cols * 4 = ${n} * ${d} * 4 = ${n * d * 4} bytes, but the body has ${bytes.byteLength}`, 'body');
  }
  const data = new Float32Array(n * d);
  new Uint8Array(data.buffer).set(bytes);
  const bad = data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) fail(422, 'non_finite', `row ${Math.floor(bad / d)}, column ${bad % d} is ${data[bad]}; every value must be finite`, 'body');
  const url = new URL(request.url);
  return { X: { data, rows: n, cols: d }, labels: null, sigma: queryNumber(url, 'sigma'), t: queryNumber(url, 't') };
}

/**
 * A fetch handler `(request) => Promise<Response>` scoring embeddings with `api` (the dse-wasm module as the
 * runtime imports it). `limits` overrides {@link DEFAULT_LIMITS}.
 *
 * @example
 * import * as api from 'dse-wasm/workerd';
 * const score = createScoringHandler(api, { maxRows: 500 });
 * export default { fetch: (request) => score(request) };
 */
export function createScoringHandler(api, limits = {}) {
  const caps = { ...DEFAULT_LIMITS, ...limits };
  let ready = null;

  async function score(request) {
    if (request.method !== 'POST') fail(405, 'method_not_allowed', `use POST, not ${request.method}`, 'method');
    const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json' && type !== 'application/octet-stream') {
      fail(415, 'unsupported_content_type', `content-type must be application/json or application/octet-stream, received ${JSON.stringify(type)}`, 'content-type');
    }
    const bytes = await readCapped(request, caps.maxBytes);
    const input = type === 'application/json' ? parseJsonBody(bytes, caps) : parseFloat32Body(request, bytes, caps);
    const sigmaOption = parameter(api, 'sigma', input.sigma);
    const t = parameter(api, 't', input.t);
    ready ??= api.ready();
    await ready;
    const start = performance.now();
    // The rows DSE uses (all of them up to the package's maxN); their eigenvalues give DSE and the diagnosis.
    const used = api.subsample(input.X);
    const sigma = sigmaOption === 'auto' ? api.medianDistance(used) : sigmaOption;
    const eigenvalues = api.diffusionEigenvalues(used, { sigma });
    const result = { n: input.X.rows, dims: input.X.cols, dse: api.spectralEntropy(eigenvalues, { t }) };
    if (input.labels !== null) {
      result.dsmi = api.diffusionSpectralMutualInformation(input.X, input.labels, { discrete: true, sigma, t }).value;
    }
    const diagnosis = api.kernelDiagnosis(used, { sigma, eigenvalues });
    // workerd's clock only moves across I/O (a Spectre mitigation), so there ms is 0 for a computation.
    const ms = performance.now() - start;
    return json(200, { ...result, sigma, t, backend: api.backendInfo().backend, warnings: diagnosis === null ? [] : [diagnosis.message], ms });
  }

  return async (request) => {
    try {
      return await score(request);
    } catch (e) {
      if (e instanceof RequestError) {
        const headers = e.status === 405 ? { allow: 'POST' } : {};
        return json(e.status, { error: { code: e.code, message: e.message, field: e.field } }, headers);
      }
      if (e instanceof api.DseError && e.code !== 'E_NO_CONVERGENCE' && e.code !== 'E_NOT_READY') {
        const named = LIBRARY_FIELDS[/^[A-Za-z]+/.exec(e.argument ?? '')?.[0]];
        if (named !== undefined) {
          // The library names its arguments X and Y; the request calls them embeddings and labels.
          const message = e.message.replace(/^[XY]\b/, named.field);
          return json(422, { error: { code: named.code ?? e.code, message, field: named.field } });
        }
        return json(422, { error: { code: e.code, message: e.message, field: e.argument } });
      }
      return json(500, { error: { code: 'internal', message: String(e && e.message) } });
    }
  };
}

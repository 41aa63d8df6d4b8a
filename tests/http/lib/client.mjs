// client.mjs: a browser-like HTTP client for the tests — keeps cookies, follows only the redirect a POST/redirect/GET
// answer asks for, sends the last page as Referer on POSTs, remembers the CSRF token of the last page it saw, posts
// url-encoded and multipart forms; plus readers for the flash messages.
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomInt } from 'node:crypto';
import { BASE, DEMO } from './stack.mjs';

export const randomLoopback = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const CSRF = /name="csrf" value="([0-9a-f]{64})"/;
// The CSRF token of a page (undefined when it has none).
export const csrfOf = (html) => (html.match(CSRF) || [])[1];

export class Client {
  // Each client gets its own loopback source address, so per-IP limits (sign-in, SMS codes) count only its own
  // requests and never those of other tests or other test files coming from 127.0.0.1.
  // base: the app node it talks to (another one: lib/node.mjs).
  constructor(localAddress = randomLoopback(), base = BASE) {
    this.base = base;
    this.jar = new Map();
    this.localAddress = localAddress;
    this.csrf = null; // the token of the last page seen (post() uses it)
    this.page = null; // the address of the last HTML page fetched (a POST's Referer, as a browser sends it)
  }
  cookie(name) { return this.jar.get(name); }
  cookieHeader() { return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '); }

  // One request on a connection of its own → { status, location, headers, bytes, html }. Keeps the cookies it is
  // given (a cleared or expired one is dropped) and the CSRF token of the page.
  // A POST whose page is kept for a GET (POST/redirect/GET: a 303 setting a *_pr cookie) is followed as a browser
  // does: the answer is the GET's, with the POST's own status and location under `posted`.
  async send(method, p, body = null, extraHeaders = {}) {
    const r = await this.exchange(method, p, body, extraHeaders);
    if (method !== 'POST' || r.status !== 303 || !r.replay) return r;
    const page = await this.exchange('GET', new URL(r.location, this.base).pathname + new URL(r.location, this.base).search);
    return { ...page, posted: { status: r.status, location: r.location } };
  }
  exchange(method, p, body = null, extraHeaders = {}) {
    const headers = { Cookie: this.cookieHeader(), ...extraHeaders };
    if (method === 'POST' && this.page && !('Referer' in headers)) headers.Referer = new URL(this.page, this.base).href;
    if (body !== null) headers['Content-Length'] = Buffer.byteLength(body);
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.base.hostname, port: this.base.port, path: p, method, headers, localAddress: this.localAddress, agent: false }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let replay = false;
          for (const sc of res.headers['set-cookie'] || []) {
            const [kv, ...attrs] = sc.split(';');
            const [k, v] = [kv.slice(0, kv.indexOf('=')).trim(), kv.slice(kv.indexOf('=') + 1).trim()];
            if (!v || attrs.some((a) => /max-age=0/i.test(a.trim()))) this.jar.delete(k); else this.jar.set(k, v);
            if (v && k.endsWith('_pr')) replay = true;
          }
          const bytes = Buffer.concat(chunks);
          const html = bytes.toString('utf8');
          const t = csrfOf(html);
          if (t) this.csrf = t;
          if (method === 'GET' && /text\/html/.test(res.headers['content-type'] || '')) this.page = p;
          resolve({ status: res.statusCode, location: res.headers.location, headers: res.headers, bytes, html, replay });
        });
      });
      req.on('error', reject);
      req.end(body ?? '');
    });
  }
  // form: an object, an array of [name, value] pairs or URLSearchParams (the last two may repeat a field).
  request(method, p, form) {
    if (!form) return this.send(method, p);
    return this.send(method, p, new URLSearchParams(form).toString(), { 'Content-Type': 'application/x-www-form-urlencoded' });
  }
  get(p) { return this.request('GET', p); }
  // A binary GET (images, CSV) → { status, type, cache, disposition, headers, bytes, text }.
  async getBytes(p) {
    const r = await this.send('GET', p);
    return { status: r.status, type: r.headers['content-type'], cache: r.headers['cache-control'], disposition: r.headers['content-disposition'],
      headers: r.headers, bytes: r.bytes, text: r.html };
  }

  // Posts with the CSRF token of the last page seen (fetching `from` first when there is none).
  async post(action, form = {}, from = '/cart') {
    if (!this.csrf) assert.equal((await this.get(from)).status, 200, `GET ${from}`);
    return this.request('POST', action, withToken(this.csrf, form));
  }
  // The CSRF token on the page at `from`, fetched now.
  async token(from) {
    const page = await this.get(from);
    assert.equal(page.status, 200, `GET ${from}`);
    const t = csrfOf(page.html);
    assert.ok(t, `no CSRF token on ${from}`);
    return t;
  }
  // Posts a form with the CSRF token of the page at `from`, fetched first (as a person filling in that page).
  async submit(from, action, form = {}) {
    return this.request('POST', action, withToken(await this.token(from), form));
  }
  // A multipart/form-data POST. fields: {name: value}; files: [{ field, filename, type, data }]. The last page's
  // CSRF token goes first unless csrf: false; boundary: to choose its length.
  multipart(p, fields, files = [], { csrf = true, boundary = `----mall${randomInt(1e12)}` } = {}) {
    const parts = [];
    for (const [k, v] of Object.entries(csrf ? { csrf: this.csrf, ...fields } : fields)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    for (const f of files) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
      parts.push(f.data, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.send('POST', p, Buffer.concat(parts), { 'Content-Type': `multipart/form-data; boundary=${boundary}` });
  }
  // The same with a token from `from` when none is known yet.
  async postMultipart(p, fields, files = [], from) {
    if (!this.csrf) assert.equal((await this.get(from)).status, 200, `GET ${from}`);
    return this.multipart(p, fields, files);
  }

  // Signs in as member m at /login (303 asserted); the session's CSRF token is read from the next page.
  async login(m, password = DEMO.password) {
    const page = await this.get('/login');
    assert.equal(page.status, 200);
    const r = await this.request('POST', '/login', { csrf: this.csrf, mobile: m, password });
    assert.equal(r.status, 303, `login ${m}: ${flash(r.html)}`);
    this.csrf = null; // the session's token differs from the sign-in form's
    return r;
  }
}

// The form with the token first; a `csrf` in an object form overrides it (tests of a wrong token).
function withToken(token, form) {
  if (Array.isArray(form) || form instanceof URLSearchParams) return [['csrf', token], ...form];
  return { csrf: token, ...form };
}

// The red and the green flash message of a page, and the message under a field (id="e-NAME").
export const flash = (html) => (html.match(/class="flash flash-error"[^>]*>([^<]*)</) || [])[1];
export const notice = (html) => (html.match(/class="flash flash-ok"[^>]*>([^<]*)</) || [])[1];
export const fieldError = (html, name) => (html.match(new RegExp(`id="e-${name}">([^<]*)<`)) || [])[1];
// The points balance in a signed-in member's page header.
export const headerPoints = (html) => Number((html.match(/class="[^"]*points[^"]*"[^>]*>[^<]*<strong>(\d+)<\/strong>/) || [])[1]);

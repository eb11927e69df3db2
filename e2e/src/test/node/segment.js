'use strict';
// Sends page, identify, track ("Order Completed") and alias with Segment's official node library
// (@segment/analytics-node, option `host`) to the OpenCDP gateway, then flushes. Prints one JSON line describing
// the HTTP requests the library made; exits 1 when any message was not delivered.
const { Analytics } = require('@segment/analytics-node');
const { args, messages, finish } = require('./common');

const a = args();
const errors = [];
const requests = [];
const analytics = new Analytics({
  writeKey: a.writeKey,
  host: a.gatewayUrl, // the library appends path '/v1/batch'
  flushAt: 20,
  flushInterval: 60000, // everything goes out in the explicit flush below, in one batch
  maxRetries: 2,
});
analytics.on('error', (e) => errors.push(e.reason || e));
analytics.on('http_request', (r) => {
  const auth = r.headers.Authorization || '';
  const user = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8').split(':')[0];
  requests.push({ url: r.url, method: r.method, contentType: r.headers['Content-Type'],
    basicUserIsWriteKey: auth.startsWith('Basic ') && user === a.writeKey, messages: JSON.parse(r.body).batch.length });
});
const statuses = [];
analytics.on('http_response', (r) => statuses.push(r.status));

const m = messages(a.userId, a.anonymousId);
const delivered = (err) => { if (err) errors.push(err); };
analytics.page(m.page, delivered);
analytics.identify(m.identify, delivered);
analytics.track(m.track, delivered);
analytics.alias(m.alias, delivered);

analytics.closeAndFlush({ timeout: 30000 })
  .then(() => finish('segment', errors, { requests, statuses }))
  .catch((e) => finish('segment', errors.concat([e]), {}));

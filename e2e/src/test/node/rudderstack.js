'use strict';
// Sends page, identify, track ("Order Completed") and alias with RudderStack's official node library
// (@rudderstack/rudder-sdk-node, option `dataPlaneUrl`; gzip bodies by default) to the OpenCDP gateway, then flushes.
// Prints one JSON line describing the HTTP requests the library made; exits 1 when any message was not delivered.
const axios = require('axios');
const Analytics = require('@rudderstack/rudder-sdk-node');
const { args, messages, finish } = require('./common');

const a = args();
const errors = [];
const requests = [];
const statuses = [];
// the library accepts its own axios instance: used here only to observe what it sends
const http = axios.create();
http.interceptors.request.use((config) => {
  const headers = config.headers || {};
  requests.push({ url: config.url, method: config.method,
    contentEncoding: headers['Content-Encoding'] || headers['content-encoding'] || null,
    basicUserIsWriteKey: !!(config.auth && config.auth.username === a.writeKey),
    gzipMagic: Buffer.isBuffer(config.data) && config.data[0] === 0x1f && config.data[1] === 0x8b });
  return config;
});
http.interceptors.response.use((r) => { statuses.push(r.status); return r; },
  (e) => { if (e.response) statuses.push(e.response.status); return Promise.reject(e); });

const client = new Analytics(a.writeKey, {
  dataPlaneUrl: a.gatewayUrl, // the library appends path '/v1/batch'
  axiosInstance: http,
  flushAt: 20,
  flushInterval: 60000,
  retryCount: 1,
  logLevel: 'error',
});

const m = messages(a.userId, a.anonymousId);
const delivered = (err) => { if (err) errors.push(err); };
// the library sends its first message at once, on its own; the rest wait for flush()
client.page(m.page, delivered);
client.identify(m.identify, delivered);
client.track(m.track, delivered);
client.alias(m.alias, delivered);

process.on('unhandledRejection', (e) => errors.push(e));
client.flush()
  .then(() => finish('rudderstack', errors, { requests, statuses }))
  .catch((e) => finish('rudderstack', errors.concat([e]), {}));

'use strict';
// Shared by segment.js and rudderstack.js: reads the arguments and builds the messages both libraries send.
// Usage: node <script> <gatewayUrl> <writeKey> <userId> <anonymousId>
// Exit code 0 only when the library reported every message as delivered; any delivery error exits 1.

function args() {
  const [gatewayUrl, writeKey, userId, anonymousId] = process.argv.slice(2);
  if (!gatewayUrl || !writeKey || !userId || !anonymousId) {
    console.error('usage: node ' + process.argv[1] + ' <gatewayUrl> <writeKey> <userId> <anonymousId>');
    process.exit(2);
  }
  return { gatewayUrl: gatewayUrl.replace(/\/+$/, ''), writeKey, userId, anonymousId };
}

/** The calls every script makes, in this order: page (anonymous), identify, track, alias. */
function messages(userId, anonymousId) {
  const email = userId.toLowerCase() + '@example.com';
  return {
    page: { anonymousId, name: 'Checkout', properties: { url: 'https://shop.example.com/checkout', title: 'Checkout' } },
    identify: { userId, anonymousId, traits: { email, firstName: 'Ann', plan: 'gold' } },
    track: {
      userId,
      event: 'Order Completed',
      properties: {
        order_id: 'order-' + userId,
        total: 27.5,
        revenue: 25,
        currency: 'GBP',
        products: [
          { product_id: '85123A', sku: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER', price: 2.5, quantity: 6 },
          { product_id: '71053', sku: '71053', name: 'WHITE METAL LANTERN', price: 5, quantity: 2 },
        ],
      },
    },
    alias: { previousId: anonymousId, userId },
  };
}

/** Ends the process: 0 when nothing failed, else 1 with the reasons on stderr. */
function finish(sdk, errors, report) {
  if (errors.length > 0) {
    for (const e of errors) {
      console.error(sdk + ': delivery failed: ' + (e && e.stack ? e.stack : JSON.stringify(e)));
    }
    process.exit(1);
  }
  console.log(JSON.stringify(Object.assign({ sdk, ok: true }, report)));
  process.exit(0);
}

module.exports = { args, messages, finish };

// Preloaded into Azurite (NODE_OPTIONS=--require) by AzuriteClock: Azurite's clock runs ahead by the milliseconds written
// in AZURITE_CLOCK_FILE, so a test can let a queue message's lease end without waiting for it in real time.
'use strict';
const fs = require('fs');

const RealDate = Date;
const file = process.env.AZURITE_CLOCK_FILE;
let ahead = 0;

function read() {
  try {
    ahead = Number(fs.readFileSync(file, 'utf8')) || 0;
  } catch {
    ahead = 0;
  }
}

read();
setInterval(read, 50).unref();

const now = () => RealDate.now() + ahead;

globalThis.Date = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
  },
  apply() {
    return new RealDate(now()).toString();
  },
  get(target, property, receiver) {
    return property === 'now' ? now : Reflect.get(target, property, receiver);
  },
});

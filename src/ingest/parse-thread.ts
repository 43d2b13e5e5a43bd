// Runs inside the parse pool's worker thread: decode + parse + normalise of one feed document per message.
import { parentPort } from 'node:worker_threads';
import { parseFeedDocument } from './parse.js';
import type { ParseReply, ParseRequest } from './parse-pool.js';

parentPort?.on('message', (request: ParseRequest) => {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  void parseFeedDocument(bytes, request.options).then((result) => parentPort?.postMessage({ id: request.id, json: JSON.stringify(result) } satisfies ParseReply));
});
parentPort?.postMessage('ready' satisfies ParseReply);

// Runs inside a worker thread of the analysis pool: builds the analyser once from the resources it was given,
// then analyses the batches it receives, in order. Server-defined actors arrive as messages before the batches
// that need them (a thread's messages are handled in the order they were posted).
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyser, type AnalyserResources } from '../core/analyse.js';
import { analyseTimed, type ThreadReply, type ThreadRequest } from './analysis-pool.js';

const base = createAnalyser((workerData as { resources: AnalyserResources }).resources);
let analyser = base;

function analyseBatch(request: Extract<ThreadRequest, { kind: 'analyse' }>): ThreadReply {
  try {
    return { id: request.id, ok: true, json: JSON.stringify(analyseTimed(analyser, request.inputs)) };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage('ready' satisfies ThreadReply);
parentPort?.on('message', (request: ThreadRequest) => {
  if (request.kind === 'actors') analyser = request.actors.length > 0 ? base.withActors(request.actors) : base;
  else parentPort?.postMessage(analyseBatch(request));
});

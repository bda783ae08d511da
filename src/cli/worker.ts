/** A worker thread of `goaltable check`: checks one file per message it receives and posts the outcome back. */
import { parentPort } from "worker_threads";
import { checkTask, type CheckTask } from "./check-file";

parentPort?.on("message", (message: { id: number; task: CheckTask }) => {
  void checkTask(message.task).then((result) => parentPort?.postMessage({ id: message.id, result }));
});

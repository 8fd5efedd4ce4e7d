// Runs once when the server starts. Background work that belongs to the server
// process itself (the development webhook loop) starts here; Node.js only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInlineWorker } = await import("./lib/webhooks/inline-worker");
  startInlineWorker();
}

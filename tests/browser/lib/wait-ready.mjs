// Waits until GET <url> answers 200, or fails after <seconds>: node wait-ready.mjs URL SECONDS [PID]
// Gives up at once when the server process PID has exited.

const [url, seconds = '120', pid] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
let last = 'no answer';
while (Date.now() < deadline) {
  if (pid) {
    try {
      process.kill(Number(pid), 0);
    } catch {
      console.error(`wait-ready: the server (pid ${pid}) exited before ${url} was ready`);
      process.exit(1);
    }
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (response.status === 200) process.exit(0);
    last = `status ${response.status}`;
  } catch (e) {
    last = e.cause?.code ?? e.message;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
console.error(`wait-ready: ${url} not ready after ${seconds}s (${last})`);
process.exit(1);

// Debian's Chromium as every consumer app's browser check launches it (copied into each app by test/consumers/run.ts).
export function launchChromium(chromium, executablePath) {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}

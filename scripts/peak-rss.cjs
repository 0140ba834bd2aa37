// Preloaded by the benchmark into each deckgen process: reports the process's own peak memory.
process.on('exit', () => {
  process.stderr.write(`peak-rss-kib=${process.resourceUsage().maxRSS}\n`);
});

/**
 * Must be imported before @napi-rs/canvas, whose import otherwise also loads the per-user font
 * folders, and decks should not depend on what a machine has installed: deckgen measures and
 * draws only with the fonts it registers from npm.
 *
 * What this does not stop: the canvas's first use of its fonts (the first registerFromPath)
 * builds its font manager, which scans /usr/share/fonts (the folder is compiled in; 131 files,
 * ~90-200 ms here) whatever this says, once per process (workers share it). Nothing in the
 * canvas's API skips it, so the render worker does it at start, off the main thread's path.
 */
process.env.DISABLE_SYSTEM_FONTS_LOAD ??= '1';
export {};

/**
 * Must be imported before @napi-rs/canvas. Its import scans every installed font (130 ms with
 * the CJK families a desktop has), and decks should not depend on what a machine has installed:
 * deckgen measures and draws only with the fonts it registers from npm.
 */
process.env.DISABLE_SYSTEM_FONTS_LOAD ??= '1';
export {};

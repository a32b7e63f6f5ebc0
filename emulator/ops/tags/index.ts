/** Registers the tags operations (stub until its owner lands it). */
export {};

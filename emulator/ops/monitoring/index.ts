/** Registers the monitoring operations (stub until its owner lands it). */
export {};

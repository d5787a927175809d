// The in-memory gateway: a plan applied to a snapshot (the engine's own function). Tests use it to re-run
// the engine on its own output.

export { applyPlanToSnapshot } from '../engine';

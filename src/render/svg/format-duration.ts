/** Kept for existing imports (test/render/time-axis.test.ts); the formatter lives in render/format.ts. */
export {formatDurationMinutes} from '../format.js'

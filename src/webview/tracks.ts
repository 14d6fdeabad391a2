/** The two tracks of the backlog as every tab of the board names them. */
import type { Track } from "../protocol";

/** The tracks, strategic first. */
export const TRACKS: readonly Track[] = ["strategic", "tactical"];

/** The tracks' names as the board shows them. */
export const TRACK_NAMES: Record<Track, string> = { strategic: "Strategic", tactical: "Tactical" };

import type { RestNotifier } from '#/lib/rest-alarm';

/**
 * The web build has no rest alarm: the timer keeps time by the clock, so the tab shows how the rest
 * stands (or that it is over) the moment it is visible again (`RestTimer`).
 */
export const restNotifier: RestNotifier | null = null;

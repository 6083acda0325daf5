import { claimsGesture, SWIPE_OPEN_DISTANCE, swipeOutcome } from '#/components/SwipeableRow';

describe('swiping a set row', () => {
  it('opens the actions after a leftward drag past the threshold', () => {
    expect(swipeOutcome(-SWIPE_OPEN_DISTANCE - 1, 5)).toBe('open');
  });

  it('springs back after a short, rightward or mostly vertical drag', () => {
    expect(swipeOutcome(-SWIPE_OPEN_DISTANCE + 10, 0)).toBe('cancel');
    expect(swipeOutcome(SWIPE_OPEN_DISTANCE * 2, 0)).toBe('cancel');
    expect(swipeOutcome(-SWIPE_OPEN_DISTANCE - 20, 60)).toBe('cancel');
  });

  it('leaves vertical scrolls to the list', () => {
    expect(claimsGesture(3, 40)).toBe(false);
    expect(claimsGesture(-30, 4)).toBe(true);
  });
});

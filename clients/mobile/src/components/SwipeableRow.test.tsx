import { act, render, screen } from '@testing-library/react-native';
import { Text } from 'react-native';
import { claimsGesture, SWIPE_OPEN_DISTANCE, SwipeableRow, swipeOutcome } from '#/components/SwipeableRow';

/**
 * What React Native's responder system does with the row during a drag: calls the handlers the row's
 * PanResponder put on its view (read afresh each time, as after a re-render) with the touch history.
 * (Testing Library's fireEvent asks the responder first without an event, which a PanResponder cannot
 * answer, so the handlers are called as the responder system calls them.)
 */
async function touch(phase: 'Grant' | 'Move' | 'Release', x: number, t: number) {
  const view = screen.getByText('row').parent!;
  const handler = view.props[`onResponder${phase}`] as (event: ReturnType<typeof touchAt>) => void;
  await act(() => handler(touchAt(x, t)));
  lastX = x;
}

let lastX = 0;

/** A one-finger touch now at page x (y fixed) at time t, coming from the last one, as React Native's responder system reports it. */
function touchAt(x: number, t: number) {
  const track = {
    touchActive: true,
    startPageX: x,
    startPageY: 20,
    startTimeStamp: 0,
    currentPageX: x,
    currentPageY: 20,
    currentTimeStamp: t,
    previousPageX: lastX || x,
    previousPageY: 20,
    previousTimeStamp: t - 1,
  };
  return {
    touchHistory: { numberActiveTouches: 1, indexOfSingleActiveTouch: 0, mostRecentTimeStamp: t, touchBank: [track] },
    nativeEvent: { touches: [track], changedTouches: [track] },
  };
}

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

  beforeEach(() => {
    lastX = 0;
  });

  it('keeps a drag under way when the row re-renders, and opens with the newest handler', async () => {
    const before = jest.fn();
    const after = jest.fn();
    const { rerender } = await render(
      <SwipeableRow enabled onOpen={before}>
        <Text>row</Text>
      </SwipeableRow>,
    );

    await touch('Grant', 300, 1);
    await touch('Move', 230, 2); // already past the threshold…
    // Mid-drag, the screen renders again (a refetch, a live event): a new onOpen each time.
    await rerender(
      <SwipeableRow enabled onOpen={after}>
        <Text>row</Text>
      </SwipeableRow>,
    );
    await touch('Move', 200, 3); // …and on to 100 points in all, of which only 30 after the re-render
    await touch('Release', 200, 4);

    expect(before).not.toHaveBeenCalled();
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('does not open a row that was disabled before the drag ended', async () => {
    const onOpen = jest.fn();
    const { rerender } = await render(
      <SwipeableRow enabled onOpen={onOpen}>
        <Text>row</Text>
      </SwipeableRow>,
    );

    await touch('Grant', 300, 1);
    await rerender(
      <SwipeableRow enabled={false} onOpen={onOpen}>
        <Text>row</Text>
      </SwipeableRow>,
    );
    await touch('Move', 180, 2);
    await touch('Release', 180, 3);

    expect(onOpen).not.toHaveBeenCalled();
  });
});

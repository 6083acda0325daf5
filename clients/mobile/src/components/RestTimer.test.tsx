import { act, render, screen } from '@testing-library/react-native';
import { RestTimer } from '#/components/RestTimer';

describe('the rest timer', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 11, 2, 17, 0, 0) }));
  afterEach(() => jest.useRealTimers());

  it('keeps time by the clock: after the app or tab was away it shows what is left, and ends a rest that ran out', async () => {
    const onDone = jest.fn();
    await render(<RestTimer endsAt={Date.now() + 90_000} onDone={onDone} />);
    expect(screen.getByLabelText('Rest 1 minutes 30 seconds left')).toBeOnTheScreen();

    // Away for 60 s with the timers stopped (a background tab, a phone app in the background), then one tick.
    await act(async () => {
      jest.setSystemTime(Date.now() + 60_000);
      jest.advanceTimersByTime(250);
    });
    expect(screen.getByLabelText('Rest 0 minutes 30 seconds left')).toBeOnTheScreen();
    expect(onDone).not.toHaveBeenCalled();

    await act(async () => {
      jest.setSystemTime(Date.now() + 45_000);
      jest.advanceTimersByTime(250);
    });
    expect(onDone).toHaveBeenCalledWith('ended');
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});

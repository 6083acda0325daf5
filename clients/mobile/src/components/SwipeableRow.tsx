import { type ReactNode, useEffect, useRef } from 'react';
import { Animated, PanResponder } from 'react-native';

/** How far (points) a row must be dragged left to open its actions. */
export const SWIPE_OPEN_DISTANCE = 60;

/**
 * What a horizontal drag means: a mostly horizontal drag to the left past the threshold opens the
 * row's actions; anything else (a scroll, a short or rightward drag) springs back.
 */
export function swipeOutcome(dx: number, dy: number): 'open' | 'cancel' {
  return dx <= -SWIPE_OPEN_DISTANCE && Math.abs(dx) > Math.abs(dy) * 2 ? 'open' : 'cancel';
}

/** Takes the gesture only once it is clearly horizontal, so vertical scrolling keeps working. */
export function claimsGesture(dx: number, dy: number): boolean {
  return Math.abs(dx) > 10 && Math.abs(dx) > Math.abs(dy) * 2;
}

interface Props {
  enabled: boolean;
  /** Swiped left far enough: show the row's actions (edit, delete). */
  onOpen: () => void;
  children: ReactNode;
}

/**
 * A set row that slides with the finger: swipe left to reveal edit and delete. Built on React Native's
 * PanResponder, so it works the same on phones and in the browser (mouse drag); long press and the
 * accessibility actions stay as the other ways in.
 */
export function SwipeableRow({ enabled, onOpen, children }: Props) {
  const offset = useRef(new Animated.Value(0)).current;
  // The responder is made once and reads the latest props when the gesture asks: a new responder per
  // render (onOpen is a new function each time) would drop a drag in progress whenever the row
  // re-renders under the finger — a refetch or a live event is enough.
  const latest = useRef({ enabled, onOpen });
  useEffect(() => {
    latest.current = { enabled, onOpen };
  });
  const responder = useRef(
    PanResponder.create({
      onMoveShouldSetPanResponder: (_, g) => latest.current.enabled && claimsGesture(g.dx, g.dy),
      onPanResponderMove: (_, g) => offset.setValue(Math.min(0, Math.max(g.dx, -2 * SWIPE_OPEN_DISTANCE))),
      onPanResponderRelease: (_, g) => {
        if (latest.current.enabled && swipeOutcome(g.dx, g.dy) === 'open') latest.current.onOpen();
        Animated.spring(offset, { toValue: 0, useNativeDriver: false }).start();
      },
      onPanResponderTerminate: () => Animated.spring(offset, { toValue: 0, useNativeDriver: false }).start(),
    }),
  ).current;
  return (
    <Animated.View style={{ transform: [{ translateX: offset }] }} {...responder.panHandlers}>
      {children}
    </Animated.View>
  );
}

// Work that would hold up the window's first frame waits until it is drawn.

/// Runs `run` once, after the window's next frame is drawn (a frame
/// callback, then a task after that frame), or after `latest` ms if no frame
/// comes: a window that starts hidden draws none until it is shown.
export function afterNextFrame(run: () => void, latest = 1000): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    run();
  };
  const fallback = setTimeout(once, latest);
  requestAnimationFrame(() => setTimeout(once, 0));
}

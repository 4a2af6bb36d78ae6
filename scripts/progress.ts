// A one-line progress bar on a terminal; silent when output goes to a file or a pipe.
export function progressBar(label: string) {
  const tty = process.stderr.isTTY === true;
  let done = 0;
  let total = 0;
  const draw = (note = "") => {
    if (!tty) return;
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
    process.stderr.write(
      `\r${label} [${bar}] ${done}/${total || "?"} ${note}`
        .slice(0, process.stderr.columns ?? 100)
        .padEnd(20),
    );
  };
  return {
    grow(by: number) {
      total += by;
      draw();
    },
    tick(note = "") {
      done++;
      if (done > total) total = done;
      draw(note);
    },
    end() {
      if (tty) process.stderr.write("\n");
    },
  };
}

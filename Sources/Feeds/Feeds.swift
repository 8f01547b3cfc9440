/// Price feeds: ticks from CSV files (streamed), simulated paths and live sources.
public enum Feeds {}

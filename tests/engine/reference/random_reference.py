#!/usr/bin/env python3
"""Independent reference for faultline's RandomStream: prints the values the
engine tests assert. Written from the published splitmix64 / xoshiro256++
algorithms, not from the C++ code."""
import math

M = (1 << 64) - 1

def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)

def fnv1a(name):
    h = 0xCBF29CE484222325
    for b in name.encode():
        h ^= b
        h = (h * 0x100000001B3) & M
    return h

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

class Xoshiro:
    def __init__(self, s):
        self.s = list(s)
    def next(self):
        s = self.s
        result = (rotl((s[0] + s[3]) & M, 23) + s[0]) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

def stream(seed, replication, name, index=0):
    sm, key = splitmix(seed)
    sm, key = splitmix(key ^ replication)
    sm, key = splitmix(key ^ fnv1a(name))
    sm = key ^ index
    state = []
    for _ in range(4):
        sm, v = splitmix(sm)
        state.append(v)
    return Xoshiro(state)

def u01(g): return (g.next() >> 11) * 2.0**-53
def normal(g, mean, sd):
    """Marsaglia's polar method, one value per accepted pair."""
    while True:
        u = 2 * u01(g) - 1
        v = 2 * u01(g) - 1
        s = u * u + v * v
        if 0 < s < 1:
            return mean + sd * u * math.sqrt(-2 * math.log(s) / s)

def u01_open_low(g): return ((g.next() >> 11) + 1) * 2.0**-53

if __name__ == "__main__":
    st, v = splitmix(0); print("splitmix64(0) #1 = %#x" % v)
    st, v = splitmix(st); print("splitmix64(0) #2 = %#x" % v)
    g = Xoshiro([1, 2, 3, 4]); print("xoshiro{1,2,3,4}:", [g.next() for _ in range(3)])
    g = stream(2026, 7, "arrivals"); print("stream(2026,7,arrivals) u64:", ["%#x" % g.next() for _ in range(2)])
    g = stream(2026, 7, "arrivals"); print("uniform01:", repr(u01(g)))
    g = stream(2026, 7, "arrivals"); print("exponential(30):", repr(-30 * math.log(u01_open_low(g))))
    g = stream(2026, 7, "arrivals"); print("normal(10,2):", repr(normal(g, 10, 2)))
    g = stream(2026, 7, "arrivals"); print("weibull(1.5,100):", repr(100 * (-math.log(u01_open_low(g))) ** (1 / 1.5)))
    g = stream(2026, 7, "arrivals", 1); print("index 1 u64: %#x" % g.next())

def hold_model_end_s(pending, events, seed):
    """The hold model of `faultline hold`: N pending events, each firing
    schedules one more at now + llround(Exp(1) * 1e6) us; ties by schedule order."""
    import heapq
    g = stream(seed, 0, "hold")
    draw = lambda: math.floor(-math.log(u01_open_low(g)) * 1e6 + 0.5)
    heap, seq, now = [], 0, 0
    for _ in range(pending):
        seq += 1; heapq.heappush(heap, (draw(), seq))
    for _ in range(pending + events):
        now, _ = heapq.heappop(heap)
        seq += 1; heapq.heappush(heap, (now + draw(), seq))
    return now

if __name__ == "__main__":
    print("hold model N=10, 100 events, seed 1: end =", hold_model_end_s(10, 100, 1), "us")

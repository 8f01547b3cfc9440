#!/usr/bin/env python3
"""Independent reference for the Gaussian regime model: hmmlearn's GaussianHMM.

Usage: hmm_oracle.py FEED.csv STATES [FITS]
Reads the close (fifth column) of a CSV with a header, takes log returns, fits FITS
(default 10) GaussianHMMs from hmmlearn's own random initialisations (k-means means,
seeds 0..FITS-1) and prints one JSON object: the best log-likelihood (natural log, full
Gaussian density), every fit's, and the best fit's per-step standard deviations, means and
transition matrix with states sorted by variance. The Swift tests (RegimeOracleTests) and
the benchmark (Benchmarks/peers/run-regimes.sh) run it.

hmmlearn's defaults are made for data of unit scale: min_covar 1e-3 and covars_prior 1e-2
(a prior that adds 0.01 / (weight of the state) to each variance, so EM maximises a
posterior, not the likelihood) would swamp hourly returns' variances near 5e-5. Here
min_covar is 1e-12 and covars_prior 0: plain maximum likelihood, the quantity compared.
tol is an absolute log-likelihood gain.
"""
import json
import sys
import warnings

import numpy as np
from hmmlearn.hmm import GaussianHMM

path, states = sys.argv[1], int(sys.argv[2])
fits = int(sys.argv[3]) if len(sys.argv) > 3 else 10
closes = np.genfromtxt(path, delimiter=",", skip_header=1, usecols=4)
returns = np.diff(np.log(closes)).reshape(-1, 1)
warnings.filterwarnings("ignore")
best, logliks = None, []
for seed in range(fits):
    model = GaussianHMM(n_components=states, covariance_type="diag", n_iter=1000, tol=1e-6,
                        min_covar=1e-12, covars_prior=0.0, random_state=seed)
    model.fit(returns)
    loglik = float(model.score(returns))
    logliks.append(loglik)
    if best is None or loglik > best[0]:
        best = (loglik, model)
loglik, model = best
variances = model.covars_.reshape(states, -1)[:, 0]
order = np.argsort(variances)
print(json.dumps({
    "observations": int(len(returns)),
    "loglik": loglik,
    "logliks": logliks,
    "sd": [float(np.sqrt(variances[i])) for i in order],
    "mean": [float(model.means_[i, 0]) for i in order],
    "transition": [[float(model.transmat_[i, j]) for j in order] for i in order],
}))

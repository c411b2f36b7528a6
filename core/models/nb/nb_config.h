#pragma once
// Settings of a Naive Bayes classifier, with scikit-learn's names, defaults and rules:
//   gaussian     GaussianNB(var_smoothing)      each feature normal within a class
//   bernoulli    BernoulliNB(alpha, binarize, fit_prior)   each feature 0/1 within a class
//   multinomial  MultinomialNB(alpha, fit_prior)           features are counts
// validate() throws ConfigError naming the option ("--alpha: ..."), as the command line spells it.

#include <optional>
#include <string_view>

namespace genlab::nb {

enum class NbKind { Gaussian, Bernoulli, Multinomial };

std::string_view toString(NbKind kind);
// Throws ConfigError("<key>: ...") for a name other than gaussian, bernoulli, multinomial.
NbKind parseNbKind(std::string_view name, std::string_view key = "--kind");

struct NbConfig {
  // scikit-learn 1.2 (Debian 12) raises a smaller alpha to this, with a warning, unless
  // force_alpha; genlab does the same silently, so alpha 0 means "as little as is safe".
  static constexpr double kMinAlpha = 1e-10;

  NbKind kind = NbKind::Gaussian;
  // Gaussian: epsilon = varSmoothing * (largest variance of any feature over all the data) is
  // added to every class's every variance, so a feature constant within a class has a finite
  // density. [0, inf)
  double varSmoothing = 1e-9;
  // Bernoulli and multinomial: alpha is added to every feature count (Laplace 1, Lidstone < 1).
  double alpha = 1.0;
  // Bernoulli: a value x counts as 1 when x > binarize; none: the data must already be 0/1.
  std::optional<double> binarize = 0.0;
  // Bernoulli and multinomial: priors from class frequencies, or uniform when false. Gaussian
  // always takes them from the frequencies (scikit-learn's GaussianNB has no fit_prior).
  bool fitPrior = true;

  // Throws ConfigError for a negative or non-finite varSmoothing or alpha, a non-finite binarize.
  void validate() const;
  // alpha as fitted: max(alpha, kMinAlpha).
  double effectiveAlpha() const;
};

}  // namespace genlab::nb

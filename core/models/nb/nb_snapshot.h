#pragma once
// What the Naive Bayes views draw, frozen at one step: immutable once published and
// self-contained. The fitted models themselves travel (small: K x d parameters), so a view can
// ask them for P(y | x) anywhere (the shaded field, an image the student draws) without a
// round trip to the trainer thread.

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "core/models/nb/full_gaussian_classes.h"
#include "core/models/nb/naive_bayes.h"
#include "core/models/nb/nb_settings.h"
#include "core/train/trainer.h"

namespace genlab::nb {

struct NbSnapshot final : train::Snapshot {
  // Shared by every snapshot of a run (never mutated): the data in the trainer's order (the
  // first `trainUsed` training rows are the ones fitted), labels, class names.
  struct Data {
    Eigen::MatrixXd train, test;  // N x d, one sample per row
    std::vector<int> trainLabels, testLabels;
    std::vector<std::string> classNames;
    int height = 0, width = 0;  // images: pixels are height x width, row-major; 0 for points
    Eigen::Vector2d boundsMin = Eigen::Vector2d::Zero();  // points: box of train and test
    Eigen::Vector2d boundsMax = Eigen::Vector2d::Zero();
    bool images() const { return height > 0; }
  };
  std::shared_ptr<const Data> data;

  NbSettings settings;         // what the models were fitted with
  Eigen::Index trainUsed = 0;  // the models are fitted on train.topRows(trainUsed)
  bool complete = false;       // every training point is in
  std::shared_ptr<const NaiveBayes> model;
  std::shared_ptr<const FullGaussianClasses> full;  // the "not naive" model; points only

  // Images: per class, what the model thinks a pixel is (Bernoulli p(x_j = 1 | y), Gaussian
  // means; multinomial probabilities scaled to the class's largest) and `samplesPerClass`
  // draws from p(x | y), clamped to [0, 1]. K * d and K * samplesPerClass * d floats, class
  // after class.
  std::vector<float> means;
  std::vector<float> samples;
  int samplesPerClass = 0;

  double trainAccuracy = 0.0, testAccuracy = 0.0, testLogLikelihood = 0.0;
  double fullTrainAccuracy = 0.0, fullTestAccuracy = 0.0, fullTestLogLikelihood = 0.0;

  int classes() const { return model ? model->numClasses() : 0; }

  std::size_t bytes() const override {
    const auto d = static_cast<std::size_t>(model ? model->dim() : 0);
    const auto k = static_cast<std::size_t>(classes());
    return sizeof(NbSnapshot) + sizeof(NaiveBayes) + 6 * k * d * sizeof(double) +
           (full ? sizeof(FullGaussianClasses) + 2 * k * d * (d + 1) * sizeof(double) : 0) +
           (means.size() + samples.size()) * sizeof(float);
  }
};

}  // namespace genlab::nb

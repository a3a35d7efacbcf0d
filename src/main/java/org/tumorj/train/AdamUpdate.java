package org.tumorj.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (ApplyAdam, beta1 0.9, beta2 0.999, epsilon 1e-7) on an explicit list of variables, each
 * with its own learning rate, the bias-correction powers fed per step. Shared by the head-only
 * and the fine-tuning graphs.
 */
final class AdamUpdate {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-7f;

    private AdamUpdate() {}

    /**
     * @param reads ops that must finish before any variable changes (the reported loss)
     * @param learningRates one per variable
     */
    @SuppressWarnings("unchecked")
    static Op build(Graph graph, Ops tf, Operand<TFloat32> loss, List<Operation> reads, List<Variable<TFloat32>> variables,
                    List<Float> learningRates, Operand<TFloat32> beta1Power, Operand<TFloat32> beta2Power) {
        Output<?>[] targets = variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] gradients = graph.addGradients(loss.asOutput(), targets);
        // No update may start before every gradient and the reported loss are computed: the
        // variables are reference-typed, so an early ApplyAdam would change the kernel another
        // gradient is still reading, and results would depend on the executor's op order.
        List<Operation> before = new ArrayList<>(reads);
        for (Output<?> g : gradients) {
            before.add(g.op());
        }
        Ops afterReads = tf.withControlDependencyOps(before);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> v = variables.get(i);
            // Flat, top-level slot names: some optimizer ops reject sub-scoped variable names.
            Variable<TFloat32> m = tf.withName("adam_m_" + i).variable(tf.zerosLike(v));
            Variable<TFloat32> s = tf.withName("adam_v_" + i).variable(tf.zerosLike(v));
            updates.add(afterReads.train.applyAdam(v, m, s, beta1Power, beta2Power, tf.constant(learningRates.get(i)),
                    tf.constant(BETA1), tf.constant(BETA2), tf.constant(EPSILON), (Operand<TFloat32>) gradients[i]));
        }
        return tf.withControlDependencies(updates).withName("adam_update").noOp();
    }
}

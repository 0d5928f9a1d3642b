package io.github.deepseekspring.rag.autoconfigure;

import java.util.List;
import java.util.Set;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.EmbeddingModelEmbedder;
import io.github.deepseekspring.rag.embedding.OnnxEmbeddingModel;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.text.Language;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The knowledge base's embedding models: the primary {@link Embedder}, from the model that
 * {@code deepseek.rag.embedding.provider} names (the bundled offline model, also offered to the application as the
 * Spring AI {@code EmbeddingModel} bean {@value #ONNX_MODEL_BEAN_NAME}; the DeepSeek starter's local runtime model; or
 * the application's own {@code EmbeddingModel}), and with the bundled one an English model beside it
 * ({@value #ONNX_ENGLISH_MODEL_BEAN_NAME}), together the {@link VectorSpaces}. Application {@link Embedder} or
 * {@link VectorSpaces} beans replace them.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

	/** The bundled offline model's bean name. */
	static final String ONNX_MODEL_BEAN_NAME = "ragOnnxEmbeddingModel";

	/** The bundled offline English model's bean name. */
	static final String ONNX_ENGLISH_MODEL_BEAN_NAME = "ragOnnxEnglishEmbeddingModel";

	/** The vector space of the English model beside the primary one. */
	static final String ENGLISH_SPACE = "en";

	/** The DeepSeek starter's local runtime embedding model's bean name. */
	static final String LOCAL_MODEL_BEAN_NAME = "deepseekLocalEmbeddingModel";

	private static final String PROVIDER = KnowledgeBaseProperties.PREFIX + ".embedding.provider";

	@Bean(ONNX_MODEL_BEAN_NAME)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "onnx", matchIfMissing = true)
	@ConditionalOnMissingBean(value = Embedder.class, name = ONNX_MODEL_BEAN_NAME)
	OnnxEmbeddingModel ragOnnxEmbeddingModel() {
		return OnnxEmbeddingModel.bgeSmallZh();
	}

	@Bean(ONNX_ENGLISH_MODEL_BEAN_NAME)
	@ConditionalOnProperty(name = PROVIDER, havingValue = "onnx", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = KnowledgeBaseProperties.PREFIX + ".embedding.english-model", matchIfMissing = true)
	@ConditionalOnMissingBean(value = Embedder.class, name = ONNX_ENGLISH_MODEL_BEAN_NAME)
	OnnxEmbeddingModel ragOnnxEnglishEmbeddingModel() {
		return OnnxEmbeddingModel.bgeSmallEn();
	}

	/**
	 * The knowledge base's models, each in its own vector space: the primary {@link Embedder} for every question, and
	 * the bundled English model for English ones when it is there.
	 */
	@Bean
	@ConditionalOnMissingBean
	VectorSpaces knowledgeBaseVectorSpaces(Embedder primary, BeanFactory beans) {
		if (!beans.containsBean(ONNX_ENGLISH_MODEL_BEAN_NAME)) {
			return VectorSpaces.of(primary);
		}
		OnnxEmbeddingModel english = beans.getBean(ONNX_ENGLISH_MODEL_BEAN_NAME, OnnxEmbeddingModel.class);
		return VectorSpaces.of(primary, List.of(new VectorSpace(ENGLISH_SPACE, new EmbeddingModelEmbedder(english,
				english.queryInstruction(), OnnxEmbeddingModel.TEXTS_PER_CALL, english.modelName() + " (" + PROVIDER + "=onnx)"),
				Set.of(Language.EN))));
	}

	@Bean
	@ConditionalOnMissingBean
	Embedder knowledgeBaseEmbedder(KnowledgeBaseProperties properties, BeanFactory beans,
			ObjectProvider<EmbeddingModel> embeddingModels) {
		KnowledgeBaseProperties.Embedding embedding = properties.embedding();
		return switch (embedding.provider()) {
			case ONNX -> {
				OnnxEmbeddingModel onnx = beans.getBean(ONNX_MODEL_BEAN_NAME, OnnxEmbeddingModel.class);
				yield new EmbeddingModelEmbedder(onnx,
						(embedding.queryInstruction() != null) ? embedding.queryInstruction() : onnx.queryInstruction(),
						OnnxEmbeddingModel.TEXTS_PER_CALL, onnx.modelName() + " (" + PROVIDER + "=onnx)");
			}
			case LOCAL_RUNTIME -> new EmbeddingModelEmbedder(localModel(beans), embedding.queryInstruction(), 32,
					"of the local runtime (" + PROVIDER + "=local-runtime, deepseek.local.embedding.model)");
			case EMBEDDING_MODEL -> new EmbeddingModelEmbedder(applicationModel(embeddingModels),
					embedding.queryInstruction(), 32, "of the application (" + PROVIDER + "=embedding-model)");
		};
	}

	private static EmbeddingModel localModel(BeanFactory beans) {
		try {
			return beans.getBean(LOCAL_MODEL_BEAN_NAME, EmbeddingModel.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new KnowledgeBaseConfigurationException(PROVIDER + "=local-runtime needs the local runtime's "
					+ "embedding model, and there is none.", "Add the DeepSeek starter and set deepseek.local.base-url (or "
					+ "deepseek.local.endpoints), or set " + PROVIDER + "=onnx for the bundled offline model.");
		}
	}

	private static EmbeddingModel applicationModel(ObjectProvider<EmbeddingModel> models) {
		try {
			EmbeddingModel model = models.getIfAvailable();
			if (model == null) {
				throw new KnowledgeBaseConfigurationException(PROVIDER + "=embedding-model needs a Spring AI "
						+ "EmbeddingModel bean, and there is none.", "Add an embedding model (a Spring AI embedding "
						+ "model starter or your own bean), or set " + PROVIDER + "=onnx for the bundled offline model.");
			}
			return model;
		}
		catch (NoUniqueBeanDefinitionException ex) {
			throw new KnowledgeBaseConfigurationException(PROVIDER + "=embedding-model found "
					+ ex.getNumberOfBeansFound() + " EmbeddingModel beans " + ex.getBeanNamesFound() + ".",
					"Mark the one the knowledge base should use @Primary, or define an Embedder bean.");
		}
	}

}

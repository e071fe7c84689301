evaluate(new File(repositoryRoot, 'it/src/it-support/build-key.groovy'))

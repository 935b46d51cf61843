from healthlint.cli import main

main()

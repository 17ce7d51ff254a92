"""The package list: quizapp's modules, plus the bundled banks of the top-level questions/ folder
installed as the data package quizapp.questions (pyproject.toml cannot map a folder outside the
package into it while also finding the packages)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["quizapp*"]), "quizapp.questions"],
    package_dir={"quizapp.questions": "questions"},
)

"""Every public query function carries its own doctested example."""

import inspect

import pytest

import dinnet.queries as queries

FUNCTIONS = [name for name in queries.__all__ if inspect.isfunction(getattr(queries, name))]


def test_there_are_public_query_functions() -> None:
    assert len(FUNCTIONS) >= 20


@pytest.mark.parametrize("name", FUNCTIONS)
def test_query_function_has_an_example(name: str) -> None:
    doc = getattr(queries, name).__doc__ or ""
    assert ">>>" in doc, f"dinnet.queries.{name} has no doctest example in its docstring"
